/**
 * Input validation at the library's boundary: {@link dev.openproof.core.validation.OrderValidator},
 * which applies the rules of {@link dev.openproof.core.constraint} and reports every violation of an
 * order at once, and the checks of rules that need a model type.
 */
@NullMarked
package dev.openproof.core.validation;

import org.jspecify.annotations.NullMarked;

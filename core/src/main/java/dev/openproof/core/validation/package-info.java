/**
 * Input validation at the library's boundary: the constraint annotations the model's records carry,
 * and {@link dev.openproof.core.validation.OrderValidator}, which reports every violation of an order at once.
 */
@NullMarked
package dev.openproof.core.validation;

import org.jspecify.annotations.NullMarked;

/**
 * The input rules of the wire contract as Jakarta constraint annotations, which the model's records
 * carry. The annotations know no model type; {@link dev.openproof.core.validation.OrderValidator}
 * applies them.
 */
@NullMarked
package dev.openproof.core.constraint;

import org.jspecify.annotations.NullMarked;

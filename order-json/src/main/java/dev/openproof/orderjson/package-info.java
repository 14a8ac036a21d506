/**
 * Orders as JSON in the form of {@code order.schema.json}: reading them with every violation
 * reported at once, and writing them back.
 */
@NullMarked
package dev.openproof.orderjson;

import org.jspecify.annotations.NullMarked;

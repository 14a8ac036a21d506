/**
 * The OpenProof Spring Boot starter: auto-configuration of a {@link dev.openproof.core.fulfillment.LicenseFulfillment}
 * from {@code openproof.*} properties, its scheduled work, Micrometer metrics and Actuator health.
 * Every bean it defines gives way to one of the application's own of the same type.
 */
@NullMarked
package dev.openproof.spring;

import org.jspecify.annotations.NullMarked;

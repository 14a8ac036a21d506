/**
 * The reference OpenProof service: an HTTP API over the Spring Boot starter, on embedded defaults
 * or on PostgreSQL and a real SMTP server.
 */
@NullMarked
package dev.openproof.service;

import org.jspecify.annotations.NullMarked;

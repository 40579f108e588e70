/**
 * The service provider interface: what plugin authors implement. Factories are discovered with
 * {@link java.util.ServiceLoader} through {@link dev.llmbench.core.discovery.ServiceRegistry}.
 */
package dev.llmbench.core.spi;

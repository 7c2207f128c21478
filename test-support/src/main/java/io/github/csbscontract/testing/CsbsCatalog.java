package io.github.csbscontract.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link CsbsStandIn} test class that returns the {@code Catalog} the
 * stand-in answers from (build it with {@code CatalogBuilder}). Each test starts from it.
 *
 * <pre>
 * &#64;CsbsCatalog
 * static Catalog shop() {
 *   return CatalogBuilder.empty().project(PROJECT, p -&gt; p.token(TOKEN)).server(...).build();
 * }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CsbsCatalog {}

package cn.liaison.backend.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Part of a feature's public surface: a port other features may require, or a value that crosses
 * a port. Everything else in a feature package is internal to it: ArchitectureTest fails when a
 * feature uses another feature's type that is not published (nested types belong to their
 * enclosing type's surface).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Published {
}

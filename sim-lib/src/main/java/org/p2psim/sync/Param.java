package org.p2psim.sync;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a strategy's parameter record. The component's name is its key in a
 * scenario's {@code sync} section; the text is what {@code p2psim strategies --json} prints for it.
 * Ranges are checked by the record's constructor (with {@link Params}), so that a record built in
 * a notebook and one bound from a scenario file are refused with the same message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** One line: what the parameter does, with its unit. */
    String value();
}

package org.p2psim.sync;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A strategy whose parameters are a record: the keys are the record's component names, in order;
 * each value is read by its component's type (int, long, double, boolean, Duration, String or an
 * enum, spelt as {@link Params#label}); the record's constructor checks ranges and throws a
 * {@link ParamException}, reported against the field as the scenario format reports any other.
 *
 * <pre>{@code
 * Strategies.register(new RecordStrategyType<>("want-list", "explicit requests …",
 *         WantListParams.class, WantListParams.DEFAULTS, WantListStrategy::new));
 * }</pre>
 */
public final class RecordStrategyType<P extends Record> implements StrategyType<P> {
    private final String name;
    private final String description;
    private final Class<P> type;
    private final P defaults;
    private final Function<P, SyncStrategy> make;
    private final RecordComponent[] components;
    private final Constructor<P> constructor;

    public RecordStrategyType(String name, String description, Class<P> type, P defaults, Function<P, SyncStrategy> make) {
        this.name = name;
        this.description = description;
        this.type = type;
        this.defaults = defaults;
        this.make = make;
        this.components = type.getRecordComponents();
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Class<P> paramsType() {
        return type;
    }

    @Override
    public List<String> parameters() {
        return Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    @Override
    public Map<String, String> parameterDocs() {
        Map<String, String> docs = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            Param p = c.getAnnotation(Param.class);
            docs.put(c.getName(), p == null ? "" : p.value());
        }
        return docs;
    }

    @Override
    public P defaults() {
        return defaults;
    }

    @Override
    public P bind(ParamSource sync) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            ParamValue node = sync.get(components[i].getName());
            values[i] = node.isMissing() ? value(defaults, components[i]) : read(node, components[i].getType());
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ParamException bad && parameters().contains(bad.param())) {
                ParamValue node = sync.get(bad.param());
                throw node.isMissing() ? node.error("must be " + bad.allowed() + ", was " + bad.was()) : node.mustBe(bad.allowed());
            }
            String detail = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            throw sync.error("is not a valid " + name + " configuration: " + detail);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object read(ParamValue node, Class<?> type) {
        if (type == int.class) {
            long v = node.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
            if (v != (int) v) {
                throw node.mustBe("a whole number in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
            }
            return (int) v;
        } else if (type == long.class) {
            return node.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == double.class) {
            return node.number("a number");
        } else if (type == boolean.class) {
            return node.bool();
        } else if (type == Duration.class) {
            return node.duration();
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> labels = Arrays.stream(constants).map(c -> Params.label((Enum<?>) c)).toList();
            return constants[labels.indexOf(node.oneOf(labels))];
        } else if (type == String.class) {
            return node.text("text");
        }
        throw new IllegalStateException("parameters of type " + type + " are not supported");
    }

    @Override
    public LinkedHashMap<String, Object> write(P params) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            m.put(c.getName(), value(params, c));
        }
        return m;
    }

    private static Object value(Object record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    @Override
    public Supplier<SyncStrategy> factory(P params) {
        return () -> make.apply(params);
    }
}

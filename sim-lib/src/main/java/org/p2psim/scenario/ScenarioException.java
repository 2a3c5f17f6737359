package org.p2psim.scenario;

/**
 * A scenario that cannot be used, in one line that says where and what is wrong and what is
 * allowed: {@code "scenarios/x.yaml: net.loss must be a probability in [0, 1], was 1.7"}.
 */
public final class ScenarioException extends IllegalArgumentException {
    private final String source;
    private final String field;
    private final String problem;

    private ScenarioException(String source, String field, String problem, boolean raw) {
        super(source.isEmpty() ? problem : source + ": " + problem);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /**
     * {@code field} is wrong: {@code detail} starts with the verb ("must be a probability in [0, 1],
     * was 1.7"). An empty field stands for the whole file.
     */
    public ScenarioException(String source, String field, String detail) {
        this(source, field, field.isEmpty() ? detail : field + " " + detail, true);
    }

    /** An error whose text does not start with the field, e.g. "unknown field net.los; known: …". */
    static ScenarioException worded(String source, String field, String problem) {
        return new ScenarioException(source, field, problem, true);
    }

    /** The same error, attributed to {@code newSource}. */
    public ScenarioException withSource(String newSource) {
        return new ScenarioException(newSource, field, problem, true);
    }

    /** Where the scenario came from: a file, a built-in, or "" when unknown. */
    public String source() {
        return source;
    }

    /** The path of the offending field ({@code net.loss}, {@code schedule[2].at}); "" for the whole file. */
    public String field() {
        return field;
    }

    /** The message without its source. */
    public String problem() {
        return problem;
    }
}

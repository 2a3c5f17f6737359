package org.p2psim.experiment.engine;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What one run of a sweep gives back: the summary metrics in their order, how many expected outcomes
 * the scenario checks and how many the run met, and the trace hash.
 */
public record PointResult(int index, LinkedHashMap<String, Double> metrics, int checks, int passed, int attainablePassed, String traceSha256)
        implements Serializable {}

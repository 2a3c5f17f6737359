package org.p2psim.experiment.engine;

import java.io.Serializable;

/** Runs one point wherever the engine puts it (it is serialized to the engine's workers). */
@FunctionalInterface
public interface PointRunner extends Serializable {
    PointResult run(PointTask task);
}

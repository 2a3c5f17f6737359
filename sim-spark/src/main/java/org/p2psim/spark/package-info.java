/**
 * Sweeps on Apache Spark: {@link org.p2psim.spark.SparkEngine} runs a sweep's points as one Spark job
 * (a partition per point), on {@code local[*]} or a cluster, and writes the sweep's table as Parquet
 * too; {@link org.p2psim.spark.SparkSweep} is the entry point for {@code spark-submit}. It is found
 * by {@code bin/p2psim sweep --engine spark} through {@link java.util.ServiceLoader}; sim-lib itself
 * never refers to Spark.
 */
package org.p2psim.spark;

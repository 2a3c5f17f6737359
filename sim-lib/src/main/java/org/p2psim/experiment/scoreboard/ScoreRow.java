package org.p2psim.experiment.scoreboard;

/**
 * One (strategy, scenario) cell of the scoreboard, over its seeds: means with the half-width of
 * their 95 % confidence interval ({@code _ci}, Student t; NaN for one seed).
 *
 * @param expectationsMet       checks met, summed over seeds (of {@code expectationsTotal})
 * @param oracleMet             checks the oracle met on the same scenario and seeds (NaN without an oracle row)
 * @param attainableMet         checks met against the attainable thresholds (the seed's where a check states none), summed over seeds
 * @param oracleAttainableMet   the same for the oracle (NaN without an oracle row)
 * @param shareOfOracle         mean completeness ÷ the oracle's mean completeness (NaN without an oracle row)
 */
public record ScoreRow(String scenario, String strategy, int runs,
                       int expectationsMet, int expectationsTotal, double oracleMet,
                       int attainableMet, double oracleAttainableMet,
                       double completeness, double completenessCi, double shareOfOracle,
                       double minCompleteness, double minCompletenessCi,
                       double bytesOverFloor, double bytesOverFloorCi,
                       double syncP50S, double syncP50SCi, double syncP99S, double syncP99SCi,
                       double duplicates, double duplicatesCi,
                       double roundTrips, double roundTripsCi) {}

/**
 * JMH benchmarks. Every benchmark runs beside the baseline it is judged against, in the same class
 * and the same run, because machines here are shared and noisy: compare ratios, not absolute times.
 * Build with {@code mvn -pl benchmarks -am package -DskipTests}, then see each class for its command.
 */
package dev.telltale.benchmarks;

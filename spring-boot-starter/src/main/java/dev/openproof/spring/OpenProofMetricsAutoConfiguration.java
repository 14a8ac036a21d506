package dev.openproof.spring;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.jdbc.JdbcProofLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The workflow's Micrometer metrics ({@link OpenProofMetrics}), where the application has a
 * {@link MeterRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenProofAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, ProofLedger.class})
public class OpenProofMetricsAutoConfiguration {
  /** Created by Spring. */
  public OpenProofMetricsAutoConfiguration() {}

  /**
   * The metrics; gauges of the ledger where it is JDBC on the application's data source.
   *
   * @param registry the registry
   * @param ledger the ledger
   * @param dataSource the application's data source, if any
   * @return the metrics
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenProofMetrics openProofMetrics(MeterRegistry registry, ProofLedger ledger, ObjectProvider<DataSource> dataSource) {
    DataSource ds = dataSource.getIfUnique();
    LedgerCounts counts = ledger instanceof JdbcProofLedger && ds != null
        ? new LedgerCounts(ds, Duration.ofSeconds(5), Clock.systemUTC())
        : null;
    return new OpenProofMetrics(registry, counts);
  }
}

package dev.openproof.spring;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.jdbc.JdbcProofLedger;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The ledger: a {@link JdbcProofLedger} on the application's {@link DataSource}, its schema applied
 * at start-up unless Flyway does it (add {@code classpath:dev/openproof/jdbc/migration} to {@code
 * spring.flyway.locations}); without a {@code DataSource}, an H2 file in {@code <openproof.dir>/ledger}.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {
  private static final String FLYWAY = "org.flywaydb.core.Flyway";

  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(ProofLedger.class)
  @DependsOnDatabaseInitialization
  JdbcProofLedger openProofLedger(DataSource dataSource, OpenProofProperties properties, ListableBeanFactory beans) {
    JdbcProofLedger ledger = JdbcProofLedger.create(dataSource);
    if (properties.getLedger().isMigrate() && !flywayRuns(beans)) {
      ledger.migrate();
    }
    return ledger;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean({ProofLedger.class, DataSource.class})
  @ConditionalOnClass(name = "org.h2.Driver")
  JdbcProofLedger openProofFileLedger(OpenProofProperties properties) {
    try {
      return JdbcProofLedger.h2File(properties.getDir().resolve("ledger"));
    } catch (RuntimeException e) {
      throw Properties.invalid("openproof.dir", properties.getDir(), "the H2 ledger in it cannot be opened: " + e.getMessage());
    }
  }

  private static boolean flywayRuns(ListableBeanFactory beans) {
    ClassLoader loader = LedgerConfiguration.class.getClassLoader();
    if (!ClassUtils.isPresent(FLYWAY, loader)) {
      return false;
    }
    return beans.getBeanNamesForType(ClassUtils.resolveClassName(FLYWAY, loader), false, false).length > 0;
  }
}

package dev.openproof.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One naming rule for accessors across core's public types: a name that is an {@code Optional}
 * accessor in one type is an {@code Optional} accessor everywhere, never a plain (or nullable) one in
 * another; a nullable record component's name is a plain accessor, so its {@code Optional} accessor
 * has a name of its own. {@code proof()} on one record and {@code proof()} returning {@code Optional} on the next
 * would make every reader check which is which.
 */
class OptionalAccessorNamingTest {

  @Test
  void noAccessorNameIsOptionalInOneTypeAndPlainInAnother() {
    Map<String, Set<String>> optional = new HashMap<>();
    Map<String, Set<String>> plain = new HashMap<>();
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.openproof.core")) {
      if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      for (JavaMethod method : type.getMethods()) {
        if (!method.getModifiers().contains(JavaModifier.PUBLIC) || !method.getRawParameterTypes().isEmpty()
            || method.getModifiers().contains(JavaModifier.STATIC) || method.getRawReturnType().getName().equals("void")
            || Set.of("toString", "hashCode", "getMessage", "getCause", "getLocalizedMessage").contains(method.getName())) {
          continue;
        }
        // java.util.Optional only: OptionalInt and its kin stand beside plain numbers that use 0 for none.
        boolean isOptional = method.getRawReturnType().isEquivalentTo(Optional.class);
        (isOptional ? optional : plain).computeIfAbsent(method.getName(), n -> new TreeSet<>()).add(type.getSimpleName());
      }
    }
    Set<String> both = new TreeSet<>();
    for (String name : optional.keySet()) {
      if (plain.containsKey(name)) {
        both.add(name + ": Optional in " + optional.get(name) + ", plain in " + plain.get(name));
      }
    }
    assertThat(both).isEqualTo(new HashSet<>());
  }
}

package dev.openproof.core.validation;

import dev.openproof.core.constraint.TermsInOrder;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Checks {@link TermsInOrder}: reports each line whose end date precedes its start date. */
public final class TermsInOrderValidator implements ConstraintValidator<TermsInOrder, Order> {

  /** Creates the validator; called by the validation provider. */
  public TermsInOrderValidator() {}

  @Override
  public boolean isValid(Order order, ConstraintValidatorContext context) {
    List<OrderLine> lines = order.lines();
    boolean valid = true;
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      if (line.starts() != null && line.ends() != null && line.ends().isBefore(line.starts())) {
        if (valid) {
          context.disableDefaultConstraintViolation();
        }
        valid = false;
        context
            .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("lines")
            .addPropertyNode("ends")
            .inIterable()
            .atIndex(i)
            .addConstraintViolation();
      }
    }
    return valid;
  }
}

package news.masthead.articles;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A scheduled article needs the time it goes live; the violation names {@code publishedAt}. */
@Constraint(validatedBy = ScheduledNeedsTime.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ScheduledNeedsTime {
    String message() default "is required when status is scheduled";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ScheduledNeedsTime, ArticleInput> {
        @Override
        public boolean isValid(ArticleInput a, ConstraintValidatorContext ctx) {
            if (a == null || a.status() != ArticleStatus.scheduled || a.publishedAt() != null) {
                return true;
            }
            ctx.disableDefaultConstraintViolation();
            ctx.buildConstraintViolationWithTemplate(ctx.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("publishedAt")
                    .addConstraintViolation();
            return false;
        }
    }
}

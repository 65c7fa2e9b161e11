package news.masthead.comments;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text stored as sent: at most {@code max} characters (Unicode code points, so an emoji counts
 * once) and no NUL, which PostgreSQL text cannot hold. Null is valid (pair with @NotBlank).
 */
@Constraint(validatedBy = PlainText.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {
    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {
        private int max;

        @Override
        public void initialize(PlainText annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext ctx) {
            if (value == null) {
                return true;
            }
            String problem = null;
            if (value.indexOf('\u0000') >= 0) {
                problem = "must not contain NUL characters";
            } else if (value.codePointCount(0, value.length()) > max) {
                problem = "must be at most " + max + " characters";
            }
            if (problem == null) {
                return true;
            }
            ctx.disableDefaultConstraintViolation();
            ctx.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}

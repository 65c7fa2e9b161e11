package news.masthead.places;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A position needs both coordinates; the violation names the missing one. */
@Constraint(validatedBy = CoordinatesTogether.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CoordinatesTogether {
    String message() default "latitude and longitude go together";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CoordinatesTogether, PlaceInput> {
        @Override
        public boolean isValid(PlaceInput p, ConstraintValidatorContext ctx) {
            if (p == null || (p.latitude() == null) == (p.longitude() == null)) {
                return true;
            }
            ctx.disableDefaultConstraintViolation();
            ctx.buildConstraintViolationWithTemplate(
                            "is required when " + (p.latitude() == null ? "longitude" : "latitude") + " is given")
                    .addPropertyNode(p.latitude() == null ? "latitude" : "longitude")
                    .addConstraintViolation();
            return false;
        }
    }
}

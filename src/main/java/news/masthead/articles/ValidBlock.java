package news.masthead.articles;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** A body block carries exactly the fields its type uses; violations name the field ({@code body[2].text}). */
@Constraint(validatedBy = ValidBlock.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidBlock {
    String message() default "invalid block";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBlock, Block> {

        private static final Pattern HTTP_URL =
                Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);

        @Override
        public boolean isValid(Block b, ConstraintValidatorContext ctx) {
            if (b == null || b.type() == null) {
                return true; // @NotNull reports these
            }
            ctx.disableDefaultConstraintViolation();
            if (b.type() != Block.Type.image
                    && !(absent(ctx, "imageId", b.imageId()) & absent(ctx, "caption", b.caption()))) {
                return false;
            }
            boolean ok = switch (b.type()) {
                case paragraph, heading ->
                    require(ctx, "text", b.text() != null && !b.text().isBlank())
                            & absent(ctx, "quoteId", b.quoteId())
                            & absent(ctx, "articleId", b.articleId())
                            & absent(ctx, "url", b.url())
                            & absent(ctx, "title", b.title());
                case quote ->
                    require(ctx, "quoteId", b.quoteId() != null)
                            & absent(ctx, "text", b.text())
                            & absent(ctx, "articleId", b.articleId())
                            & absent(ctx, "url", b.url())
                            & absent(ctx, "title", b.title());
                case related -> related(ctx, b) & absent(ctx, "text", b.text()) & absent(ctx, "quoteId", b.quoteId());
                case image ->
                    require(ctx, "imageId", b.imageId() != null)
                            & absent(ctx, "text", b.text())
                            & absent(ctx, "quoteId", b.quoteId())
                            & absent(ctx, "articleId", b.articleId())
                            & absent(ctx, "url", b.url())
                            & absent(ctx, "title", b.title());
            };
            return ok;
        }

        private static boolean related(ConstraintValidatorContext ctx, Block b) {
            if (b.articleId() == null && b.url() == null) {
                return violation(ctx, "articleId", "a related block needs articleId or url");
            }
            if (b.articleId() != null && b.url() != null) {
                return violation(ctx, "url", "give either articleId or url, not both");
            }
            if (b.url() != null && !HTTP_URL.matcher(b.url()).matches()) {
                return violation(ctx, "url", "must be an http or https URL");
            }
            return absentIf(ctx, "title", b.title(), b.articleId() != null, "only a url block has a title");
        }

        private static boolean require(ConstraintValidatorContext ctx, String field, boolean present) {
            return present || violation(ctx, field, "must not be blank");
        }

        private static boolean absent(ConstraintValidatorContext ctx, String field, Object value) {
            return absentIf(ctx, field, value, true, "is not used by this block type");
        }

        private static boolean absentIf(
                ConstraintValidatorContext ctx, String field, Object value, boolean when, String message) {
            return value == null || !when || violation(ctx, field, message);
        }

        private static boolean violation(ConstraintValidatorContext ctx, String field, String message) {
            ctx.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}

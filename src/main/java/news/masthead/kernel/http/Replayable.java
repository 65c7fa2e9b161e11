package news.masthead.kernel.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a GET whose answer is a function of the request (its URI and the headers {@link StoredResponses} keys on) and of
 * values the read cache serves, and of nothing read beside them: {@link StoredResponses} may keep the whole anonymous
 * answer and replay it while those values are current. An answer that used a value from elsewhere is not kept.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Replayable {}

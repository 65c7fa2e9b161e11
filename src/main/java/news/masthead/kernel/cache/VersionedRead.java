package news.masthead.kernel.cache;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a transactional method that reads through {@link ReadCache} inside its transaction (e.g. a list whose total is
 * cached): the data version is read before the transaction starts (see {@link ReadCache#pinned}).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface VersionedRead {}

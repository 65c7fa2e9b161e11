package news.masthead.articles;

import java.util.UUID;

/**
 * Fired (synchronously, in the deleting transaction) just before an article is deleted, after its
 * precondition held: features above articles that point at it let go of it here.
 */
public record ArticleDeleting(UUID id) {}

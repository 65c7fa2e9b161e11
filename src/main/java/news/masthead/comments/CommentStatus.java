package news.masthead.comments;

/** Lower-case constants: the same word in JSON, in the database and in queries. */
public enum CommentStatus {
    pending,
    approved,
    rejected,
    spam
}

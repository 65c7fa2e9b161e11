package news.masthead.images;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** The cms.images.* settings. */
@ConfigMapping(prefix = "cms.images")
public interface ImagesConfig {

    /** Largest upload in bytes (the file itself; a multipart body may be a little larger). */
    @WithDefault("26214400")
    long maxBytes();

    /** The only widths and heights a rendition may have: no caller can make the server render arbitrary sizes. */
    @WithDefault("160,320,640,960,1280,1920,2560")
    List<Integer> widths();

    /** Bytes of encoded renditions kept in memory (least recently used dropped first). */
    @WithDefault("67108864")
    long cacheBytes();

    /** Renditions decoded at the same time; the rest wait (a decode holds tens of MB). */
    @WithDefault("2")
    int concurrentDecodes();

    /** Largest picture accepted, in pixels (width × height): a small file can claim a huge canvas. */
    @WithDefault("120000000")
    long maxPixels();
}

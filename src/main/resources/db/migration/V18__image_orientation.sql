-- The EXIF Orientation of an uploaded original (1-8; 1 when it has none). images.width and images.height are the
-- picture as it is shown, upright; renditions are decoded in the stored orientation and turned upright after
-- scaling, since a re-encoded rendition carries no EXIF to tell a viewer to turn it. Images stored before this
-- migration keep 1: their sizes were recorded as stored.
alter table images add column orientation integer not null default 1 check (orientation between 1 and 8);

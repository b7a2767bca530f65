-- Transcript bytes are compressed with lz4 where the server is built with it (CloudNativePG's
-- images and Debian's packages are; the embedded PostgreSQL is not). PostgreSQL compresses every
-- stored chunk, and with its default pglz that compression was most of the database's CPU in an
-- output flood; lz4 does the same job several times faster. Rows stored before keep their pglz.
DO $$
BEGIN
  ALTER TABLE transcript_chunks ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION
  WHEN feature_not_supported THEN
    RAISE NOTICE 'PostgreSQL is built without lz4; transcript chunks stay pglz-compressed';
END
$$;

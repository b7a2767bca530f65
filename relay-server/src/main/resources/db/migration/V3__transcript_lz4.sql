-- Transcript bytes are compressed with lz4 where the server is built with it (CloudNativePG's
-- images and Debian's packages are; the embedded PostgreSQL is not). PostgreSQL compresses every
-- stored chunk, and with its default pglz that compression was most of the database's CPU in an
-- output flood; lz4 does the same job several times faster. Rows stored before keep their pglz.
-- Servers without lz4 (feature_not_supported) or older than 14, which have no per-column
-- compression (syntax_error), keep pglz.
DO $$
BEGIN
  EXECUTE 'ALTER TABLE transcript_chunks ALTER COLUMN data SET COMPRESSION lz4';
EXCEPTION
  WHEN feature_not_supported OR syntax_error THEN
    RAISE NOTICE 'transcript chunks stay pglz-compressed: %', SQLERRM;
END
$$;

-- From V4 on the relay compresses transcript chunks itself (LZ4 blocks, see ChunkCompression):
-- raw_length is the length a row's data decompresses to, NULL where data holds the bytes as they are
-- (every row stored before V4, and rows LZ4 could not shrink). Adding a nullable column without a
-- default does not rewrite the table.
ALTER TABLE transcript_chunks ADD COLUMN raw_length int;

-- What the relay stores is compressed already or incompressible; PostgreSQL's own compression
-- would only spend CPU finding that out. Rows stored before keep the compression they have.
ALTER TABLE transcript_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

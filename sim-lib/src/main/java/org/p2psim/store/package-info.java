/**
 * The per-device SQLite store: each simulated device keeps its events in one SQLite file that any
 * SQLite tool can open ({@code devices/<name>.sqlite} in a run directory).
 *
 * <h2>Schema (version 3)</h2>
 * <pre>
 * p2psim_meta(key TEXT PRIMARY KEY, value TEXT)
 *     format = 'p2psim-device-store', schema_version = '3', device = the device's name
 * events(arrival_seq INTEGER PRIMARY KEY,      -- 1, 2, 3 … in insertion order, assigned by the store
 *        event_id    TEXT NOT NULL UNIQUE,     -- 32 lowercase hex chars: first 16 bytes of BLAKE3(ciphertext)
 *        channel_id  TEXT,                     -- the channel of a message or file; null for chunks and grants
 *        authored_ts INTEGER NOT NULL,         -- µs of simulated time, may be negative
 *        received_ts INTEGER NOT NULL,         -- µs of simulated time
 *        ciphertext  BLOB NOT NULL)            -- nonce || AEAD ciphertext
 *     index (channel_id, authored_ts)
 * message_index(event_id TEXT PRIMARY KEY REFERENCES events(event_id), channel_id TEXT NOT NULL,
 *        author TEXT NOT NULL, authored_ts INTEGER NOT NULL, body TEXT NOT NULL, reply_to TEXT,
 *        arrival_seq INTEGER NOT NULL UNIQUE,  -- the event's arrival_seq; the full-text rowid
 *        file_id TEXT)                         -- set on the message that shares a file
 *     index (channel_id, authored_ts, event_id)
 * message_fts: FTS5 over message_index.body (external content, rowid = arrival_seq),
 *     kept in sync by triggers on message_index
 * files(file_id TEXT PRIMARY KEY,             -- derived from the file key
 *        event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),   -- the file-meta event
 *        channel_id, author, authored_ts, name, mime, size, chunk_count,
 *        content_hash TEXT,                    -- BLAKE3-256 of the file, hex
 *        file_key BLOB)                        -- 32 bytes; chunk tags derive from it
 *     index (authored_ts, file_id)
 * file_chunks(tag TEXT PRIMARY KEY,           -- BLAKE3-keyed(file key, u32 index), 16 bytes, hex (seed 000)
 *        file_id TEXT NOT NULL,                -- no foreign key: chunks often arrive before their meta event
 *        chunk_index INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
 *        bytes BLOB NOT NULL)                  -- the chunk's decrypted content (≤ 500 bytes)
 *     index (file_id, chunk_index)
 * auth_graph(event_id TEXT PRIMARY KEY REFERENCES events(event_id),  -- a grant event (seed 000)
 *        subject TEXT NOT NULL,                -- an invite's id, or the device id a join or authorisation is about
 *        action TEXT NOT NULL,                 -- 'invite', 'join' or 'authorize-device'
 *        author_user TEXT NOT NULL,            -- the account the author acts for
 *        ts INTEGER NOT NULL,                  -- authored µs, author's clock
 *        author_device TEXT NOT NULL,          -- the author's device id
 *        invite_id TEXT)                       -- for a join: the invite it used, else null
 *     index (subject, ts)
 * </pre>
 * A version-1 store (messages only) is upgraded in place when opened: the file tables and the
 * {@code file_id} column are added; a version-1 or version-2 store gains {@code auth_graph}.
 * Nothing stored changes.
 * Full-text search: {@code SELECT m.* FROM message_fts JOIN message_index m ON m.arrival_seq =
 * message_fts.rowid WHERE message_fts MATCH 'word'}.
 *
 * <h2>SQLite is the truth, memory is a cache</h2>
 * {@link org.p2psim.store.DeviceStore#open} reads every event back and rebuilds the in-memory index
 * (ids in arrival order, a lookup by id for {@code contains}/{@code get}, an authored-time order) from
 * the file. Only the arrival-ordered list is ever exposed, so hash iteration order cannot leak into a
 * simulation. The index is kept in columns of primitives over a {@link org.p2psim.store.StoredEvent.Pool}
 * that the stores of a run share (each distinct event's id, channel, time and bytes once): about 30
 * bytes per held event, so that a thousand devices holding every event of a run fit in memory. A file that is not SQLite, not a p2psim store, or of another schema version is refused
 * with a {@link org.p2psim.store.StoreException} before anything writes to it: it is checked by its
 * header and through a read-only connection.
 *
 * <h2>Write-behind batching</h2>
 * A simulated device inserts events one at a time, each at its own simulated instant; a SQLite
 * transaction per event would cost a commit each and dominate run time. Inserts therefore go to
 * memory at once and to the file in one transaction per batch (default 512 rows, with prepared
 * statements) and on {@code flush()}, {@code query()} and {@code close()}. The file runs in WAL mode
 * with {@code synchronous=NORMAL}: a crash of the simulator may lose the last batch, which a
 * deterministic rerun reproduces anyway. Batch boundaries depend only on the number of inserts, and
 * arrival_seq only on their order, so the file's contents are deterministic.
 *
 * <h2>Inside</h2>
 * {@link org.p2psim.store.DeviceStore} is a façade (its public methods are the store's API) over
 * four package-private collaborators: {@code StoreFile} (the file's life: the one-store-per-file
 * claim, connections, create, copy, delete, size on disk), {@code EventIndex} (the in-memory
 * index), {@code BatchWriter} (the write-behind batch and its one transaction) and
 * {@code StoreReader} (SQL reads and result sets as tables). {@code Schema} creates, upgrades and
 * validates files; the row records ({@code MessageRow}, {@code FileRow}, {@code ChunkRow},
 * {@code AuthRow}) are what a device derives from an event for the views.
 */
package org.p2psim.store;

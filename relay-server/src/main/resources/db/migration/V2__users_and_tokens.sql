-- Local users and refresh tokens (issue 4, AUTH_MODE=local).

-- Usernames are unique ignoring case; the stored spelling is what the admin typed.
CREATE TABLE users (
  id            bigserial PRIMARY KEY,
  username      text        NOT NULL,
  password_hash text        NOT NULL,
  active        boolean     NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_by_name ON users (lower(username));

-- One family per login. Every access token names its family (JWT claim "sid"), so revoking the
-- family (logout, a refresh token presented twice, the user deactivated or deleted) ends the
-- login's access tokens and live WebSockets too, not only its refresh tokens.
CREATE TABLE token_families (
  id             uuid PRIMARY KEY,
  user_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  revoked_reason text
);
CREATE INDEX token_families_by_user ON token_families (user_id);

-- Refresh tokens are single use: only a SHA-256 of the token is stored, never the token.
CREATE TABLE refresh_tokens (
  token_hash bytea PRIMARY KEY,
  family_id  uuid        NOT NULL REFERENCES token_families (id) ON DELETE CASCADE,
  issued_at  timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  spent_at   timestamptz
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);

SET lock_timeout = '2s';
ALTER TABLE comments ADD CONSTRAINT comments_user_nn CHECK (user_id IS NOT NULL) NOT VALID;
SET lock_timeout = '2s';
ALTER TABLE comments VALIDATE CONSTRAINT comments_user_nn;
ALTER TABLE comments ALTER COLUMN user_id SET NOT NULL;

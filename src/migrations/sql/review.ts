import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * Columns that only their guarded operations may change, whatever Payload's own update writes
 * back from a document it read earlier without a lock:
 * - a submission's decision (status, reviewer, note, appeal), changed by reviewSubmission and
 *   appealSubmission under `bayanet.decision`;
 * - a task's budget counters and `exhausted` flag, changed by the budget operations under
 *   `bayanet.budget`.
 * Any other UPDATE keeps the values the row already holds.
 */
export const upReviewGuards = async ({ db }: MigrateUpArgs) => {
  await db.execute(sql`
    CREATE OR REPLACE FUNCTION bayanet_keep_decision() RETURNS trigger AS $$
    BEGIN
      IF coalesce(current_setting('bayanet.decision', true), '') <> 'on' THEN
        NEW.status := OLD.status;
        NEW.reviewer_id := OLD.reviewer_id;
        NEW.reviewed_at := OLD.reviewed_at;
        NEW.review_note := OLD.review_note;
        NEW.appeal_message := OLD.appeal_message;
        NEW.appealed_at := OLD.appealed_at;
        NEW.reward_amount := OLD.reward_amount;
        NEW.reward_kind := OLD.reward_kind;
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;

    CREATE TRIGGER submissions_keep_decision BEFORE UPDATE ON submissions
      FOR EACH ROW EXECUTE FUNCTION bayanet_keep_decision();

    CREATE OR REPLACE FUNCTION bayanet_keep_budget() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        NEW.budget_reserved := 0;
        NEW.budget_spent := 0;
        NEW.exhausted := false;
      ELSIF coalesce(current_setting('bayanet.budget', true), '') <> 'on' THEN
        NEW.budget_reserved := OLD.budget_reserved;
        NEW.budget_spent := OLD.budget_spent;
        NEW.exhausted := OLD.exhausted;
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;

    CREATE TRIGGER tasks_keep_budget BEFORE INSERT OR UPDATE ON tasks
      FOR EACH ROW EXECUTE FUNCTION bayanet_keep_budget();

    UPDATE tasks SET budget_reserved = 0 WHERE budget_reserved IS NULL;
    UPDATE tasks SET budget_spent = 0 WHERE budget_spent IS NULL;
    ALTER TABLE tasks ALTER COLUMN budget_reserved SET NOT NULL;
    ALTER TABLE tasks ALTER COLUMN budget_spent SET NOT NULL;
    ALTER TABLE tasks ADD CONSTRAINT tasks_budget_counters_check
      CHECK (budget_reserved >= 0 AND budget_spent >= 0);

    -- Submissions made before the snapshot existed keep the task's offer of today.
    UPDATE submissions s SET reward_amount = t.reward_amount,
      reward_kind = t.reward_kind::text::enum_submissions_reward_kind
    FROM tasks t WHERE s.task_id = t.id AND s.reward_amount IS NULL;
  `)
}

export const downReviewGuards = async ({ db }: MigrateDownArgs) => {
  await db.execute(sql`
    ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_budget_counters_check;
    ALTER TABLE tasks ALTER COLUMN budget_reserved DROP NOT NULL;
    ALTER TABLE tasks ALTER COLUMN budget_spent DROP NOT NULL;
    DROP TRIGGER IF EXISTS tasks_keep_budget ON tasks;
    DROP FUNCTION IF EXISTS bayanet_keep_budget();
    DROP TRIGGER IF EXISTS submissions_keep_decision ON submissions;
    DROP FUNCTION IF EXISTS bayanet_keep_decision();
  `)
}

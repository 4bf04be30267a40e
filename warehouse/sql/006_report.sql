-- What the static report (`dealwatch report`, issue 18) reads besides the views of 002-005, as
-- public views so that an export folder carries them too: which article names which deal and
-- how (its role), which two claims each contradiction set against each other, and every
-- decision about an alert with its reason (the audit trail `dealwatch alerts why` prints).

CREATE OR REPLACE VIEW deal_mentions AS
SELECT article_id, deal_id, role, kind, people, score, evidence, announced
FROM store.deal_mentions;

CREATE OR REPLACE VIEW contradiction_claims AS
SELECT deal_id, subject, metric, a_claim_id, b_claim_id, detected_at
FROM store.contradictions;

CREATE OR REPLACE VIEW alert_decisions AS
SELECT dedup_key, alert_id, kind, decision, reason, deal_id, subject, metric, claim_id, article_id,
       run_id, decided_at
FROM store.alert_decisions;

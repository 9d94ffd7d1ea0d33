-- An invoice from the intake mailbox has no recorder: above the approval limit its first approver takes the
-- recorder's place in the four-eyes rule, and a second, different person makes it payable (#26).
alter table supplier_invoice add column first_approved_by text;
alter table supplier_invoice add column first_approved_at timestamptz;

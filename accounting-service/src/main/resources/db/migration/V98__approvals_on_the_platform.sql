-- Four eyes moved to the platform (io.kontor.platform.approval, table approval from db/platform V0_23): the
-- cancellations asked for so far, pending or decided, move there with their reason; the old table goes.
insert into approval (id, act, subject_type, subject_id, amount, currency, summary, parameters, role, requested_by,
                      requested_at, status, decided_by, decided_at)
select c.id, 'invoice-cancellation', 'invoice', c.invoice_id::text, i.gross_total, i.currency,
       'Cancel invoice ' || coalesce(i.invoice_number, c.invoice_id::text), c.reason, 'accounting', c.requested_by,
       c.requested_at, c.status, c.decided_by, c.decided_at
from cancellation_approval c left join invoice i on i.id = c.invoice_id;
drop table cancellation_approval;

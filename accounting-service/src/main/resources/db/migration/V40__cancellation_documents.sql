-- The cancellation document of a cancelled invoice (PDF and e-invoices of type 381), frozen like the invoice's own.
-- Numbered 40 so that migrations written on parallel branches (V12 and on) cannot take the same version.
alter table invoice_document drop constraint invoice_document_kind_check;
alter table invoice_document add constraint invoice_document_kind_check
    check (kind in ('PDF', 'XRECHNUNG', 'ZUGFERD', 'STORNO_PDF', 'STORNO_XRECHNUNG', 'STORNO_ZUGFERD'));

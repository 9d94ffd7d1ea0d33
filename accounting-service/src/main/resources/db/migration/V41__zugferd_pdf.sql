-- The hybrid e-invoice (PDF/A-3 with the ZUGFeRD XML embedded) of an invoice and of its cancellation, frozen like the
-- other documents. Invoices issued before have none (their PDF is no PDF/A).
alter table invoice_document drop constraint invoice_document_kind_check;
alter table invoice_document add constraint invoice_document_kind_check
    check (kind in ('PDF', 'XRECHNUNG', 'ZUGFERD', 'ZUGFERD_PDF', 'STORNO_PDF', 'STORNO_XRECHNUNG', 'STORNO_ZUGFERD',
                    'STORNO_ZUGFERD_PDF'));

-- Bounces: the recipient's mail server accepted nothing after all and said so in a delivery status notification
-- (RFC 3464) to the bounce address, which MailBounces reads over IMAP. status BOUNCED; the DSN's status code
-- (e.g. 5.1.1) and diagnostic are kept as the proof that the mail did not arrive, next to when it was handed to SMTP.
alter table mail_delivery add column bounced_at timestamptz;
alter table mail_delivery add column bounce_status varchar(16);
alter table mail_delivery add column bounce_diagnostic text;
alter table mail_delivery add column bounce_reported_by varchar(255);

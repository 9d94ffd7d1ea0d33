-- Flyway runs this after every migration (a callback, not a versioned migration, so it also reaches databases migrated
-- before it existed). PostgreSQL lets PUBLIC connect to every new database: any login role of the cluster could open
-- this service's database and list its schema. Only the owner (the service) connects (issue #24).
DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

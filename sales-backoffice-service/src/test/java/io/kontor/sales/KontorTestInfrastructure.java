package io.kontor.sales;

import io.kontor.testing.KontorTestResources;
import io.quarkus.test.common.QuarkusTestResource;

/** Gives every @QuarkusTest of this module a real Kafka broker and PostgreSQL (test-support). */
@QuarkusTestResource(KontorTestResources.class)
public class KontorTestInfrastructure {}

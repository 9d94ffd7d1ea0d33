package io.kontor.process;

import io.kontor.testing.KontorTestResources;
import io.quarkus.test.common.QuarkusTestResource;

/** Gives every @QuarkusTest of this module a real Kafka broker and a real PostgreSQL. */
@QuarkusTestResource(KontorTestResources.class)
public class KontorTestInfrastructure {}

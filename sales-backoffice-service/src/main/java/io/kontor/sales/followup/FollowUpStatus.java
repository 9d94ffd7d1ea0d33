package io.kontor.sales.followup;

public enum FollowUpStatus {
    OPEN,
    DONE
}

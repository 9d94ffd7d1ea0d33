package io.kontor.hr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/** HR's own settings; values and their env-var overrides in application.properties. */
@ConfigMapping(prefix = "kontor.hr")
public interface HrConfig {

    /** Who employs: named in contracts and references. */
    Employer employer();

    Privacy privacy();

    /**
     * The statutory minimum wage per hour (§1 MiLoG) as {@code <valid from>:<EUR>} entries; see
     * {@link io.kontor.hr.contract.MinimumWageTable}.
     */
    List<String> minimumWage();

    interface Employer {

        String name();

        /** Where references are dated ("Hamburg, 31.03.2028"). */
        String city();

        String street();

        String postalCode();

        /** The employer's address as a contract names the party (§2(1) sentence 2 no. 1 NachwG). */
        default String address() {
            return street() + ", " + postalCode() + " " + city();
        }
    }

    /**
     * The company's standard answers to the items a contract must state (§2(1) NachwG), used where a hire does not give
     * its own; see {@link io.kontor.hr.contract.WrittenTerms}. An item without a default must come with the hire.
     */
    ContractDefaults contractDefaults();

    interface ContractDefaults {

        Optional<String> placeOfWork();

        Optional<Integer> annualLeaveDays();

        Optional<String> workingTimeModel();

        Optional<String> breaks();

        Optional<String> restPeriods();

        Optional<String> shiftWork();

        Optional<String> overtime();

        Optional<String> bonuses();

        Optional<String> paymentDue();

        Optional<String> paymentMethod();

        Optional<String> training();

        Optional<String> companyPension();

        Optional<String> collectiveAgreements();
    }

    PersonalData personalData();

    interface PersonalData {

        /**
         * AES-256 key (base64 of 32 random bytes) for the sensitive fields of the personnel file; see
         * {@link io.kontor.hr.personnel.PersonalDataCipher}.
         */
        Optional<String> key();

        /** Written with every value, so that after a rotation old and new values can be told apart. */
        @WithDefault("1")
        String keyId();

        /**
         * Keys of earlier rotations as {@code <key id>:<base64 key>}: still read, never written; kept until
         * {@link io.kontor.hr.personnel.PersonalDataRekeying} has re-encrypted every value sealed with them.
         */
        Optional<List<String>> previousKeys();

        /** How often the re-encryption job looks for values sealed with an old key (a Quarkus scheduler interval). */
        String rekeyEvery();
    }

    interface Privacy {

        /** How long a rejected candidate's personal data is kept before it is erased by itself. */
        Period rejectedCandidateRetention();

        /** How long a candidate who consented to the talent pool is kept, counted from the consent. */
        Period talentPoolRetention();

        /**
         * How often the erasure job looks for rejected candidates and former employees past their retention (a Quarkus
         * scheduler interval).
         */
        String erasureEvery();

        /**
         * How long a former employee's whole file is kept after the year of leaving: the limitation of claims from the
         * employment (§§195, 199 BGB); see {@link io.kontor.hr.privacy.EmployeeRetention}.
         */
        Period formerEmployeeClaimsPeriod();

        /**
         * How long the restricted remainder is kept after the year of leaving: the longest statutory retention of the
         * personnel file (§41(1) EStG, §147(3) AO, §257(4) HGB).
         */
        Period formerEmployeeRetention();
    }
}

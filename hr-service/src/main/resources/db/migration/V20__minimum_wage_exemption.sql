-- A hire may claim an exemption from the minimum wage (§22 MiLoG); the contract keeps which one and what proves it.
-- Numbered from 20 so that hr migrations written on parallel branches (V10 and on) cannot take the same version.
alter table employment_contract add column minimum_wage_exemption varchar(40);
alter table employment_contract add column minimum_wage_exemption_evidence varchar(500);
alter table employment_contract add column unemployed_since date;

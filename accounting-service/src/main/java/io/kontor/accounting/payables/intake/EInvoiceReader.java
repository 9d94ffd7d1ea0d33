package io.kontor.accounting.payables.intake;

import io.kontor.accounting.payables.intake.ExtractedInvoice.Line;
import io.kontor.accounting.payables.intake.ExtractedInvoice.Party;
import io.kontor.accounting.payables.intake.ExtractedInvoice.Skonto;
import io.kontor.accounting.payables.intake.ExtractedInvoice.Totals;
import io.kontor.accounting.payables.intake.ExtractedInvoice.VatGroup;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the EN 16931 business terms of an incoming invoice from its XML, in either syntax EN 16931-1 allows: UN/CEFACT
 * CII (XRechnung CII, ZUGFeRD / Factur-X) and OASIS UBL 2.1 (XRechnung UBL, invoice and credit note). Our own reading
 * rather than Mustang's importer, because Mustang's recomputes the totals from the lines and throws where they disagree
 * - and a wrong sum is exactly what the checks must report, not a reason to refuse the file.
 */
public final class EInvoiceReader {

    public static final String CII = "CII";
    public static final String UBL = "UBL";

    private static final Map<String, String> NAMESPACES = Map.of(
            "rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
            "ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
            "udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
            "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
            "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");

    /**
     * XRechnung's convention for cash discounts in the payment terms (BT-20), e.g.
     * {@code #SKONTO#TAGE=14#PROZENT=2.00#}.
     */
    private static final Pattern SKONTO =
            Pattern.compile("#SKONTO#TAGE=(\\d+)#PROZENT=(\\d+(?:\\.\\d+)?)#(?:BASISBETRAG=(-?\\d+(?:\\.\\d+)?)#)?");

    /** The file is no invoice XML we can read; the message says why. */
    public static final class UnreadableInvoice extends RuntimeException {
        public UnreadableInvoice(String message) {
            super(message);
        }
    }

    private EInvoiceReader() {}

    /** {@link #CII}, {@link #UBL}, or null when the XML is neither. */
    public static String syntaxOf(Document document) {
        Element root = document.getDocumentElement();
        String ns = root.getNamespaceURI();
        if ("CrossIndustryInvoice".equals(root.getLocalName())
                && NAMESPACES.get("rsm").equals(ns)) {
            return CII;
        }
        if (("Invoice".equals(root.getLocalName()) || "CreditNote".equals(root.getLocalName()))
                && ns != null
                && ns.startsWith("urn:oasis:names:specification:ubl:schema:xsd:")) {
            return UBL;
        }
        return null;
    }

    /** Parses XML safely: no DTDs, no external entities (an invoice comes from outside). */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new UnreadableInvoice("not well-formed XML: " + e.getMessage());
        }
    }

    public static ExtractedInvoice read(byte[] xml) {
        Document document = parse(xml);
        String syntax = syntaxOf(document);
        if (syntax == null) {
            throw new UnreadableInvoice("neither a CII CrossIndustryInvoice nor a UBL Invoice or CreditNote: <"
                    + document.getDocumentElement().getNodeName() + ">");
        }
        try {
            return CII.equals(syntax) ? new Cii(document).read() : new Ubl(document).read();
        } catch (XPathExpressionException e) {
            throw new IllegalStateException(e);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UnreadableInvoice("a date or amount cannot be read: " + e.getMessage());
        }
    }

    /** The cash discount in XRechnung's notation, or null. */
    public static Skonto skonto(String paymentTerms) {
        if (paymentTerms == null) {
            return null;
        }
        Matcher matcher = SKONTO.matcher(paymentTerms.replace(" ", ""));
        if (!matcher.find()) {
            return null;
        }
        return new Skonto(
                Integer.parseInt(matcher.group(1)),
                new BigDecimal(matcher.group(2)),
                matcher.group(3) == null ? null : new BigDecimal(matcher.group(3)));
    }

    private abstract static class Syntax {
        final Document document;
        final XPath xpath;

        Syntax(Document document) {
            this.document = document;
            this.xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
                }

                @Override
                public String getPrefix(String namespaceURI) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String namespaceURI) {
                    return null;
                }
            });
        }

        abstract ExtractedInvoice read() throws XPathExpressionException;

        String text(Object context, String path) throws XPathExpressionException {
            String value = (String) xpath.evaluate(path, context, XPathConstants.STRING);
            return value == null || value.isBlank() ? null : value.strip();
        }

        BigDecimal amount(Object context, String path) throws XPathExpressionException {
            String value = text(context, path);
            if (value == null) {
                return null;
            }
            // "1000" and "1000.00" are the same amount; two decimals at least, as money is shown everywhere else.
            BigDecimal amount = new BigDecimal(value);
            return amount.scale() < 2 ? amount.setScale(2) : amount;
        }

        List<Node> nodes(Object context, String path) throws XPathExpressionException {
            NodeList list = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>(list.getLength());
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        }
    }

    /** UN/CEFACT Cross Industry Invoice D16B (EN 16931-3-3). */
    private static final class Cii extends Syntax {

        Cii(Document document) {
            super(document);
        }

        @Override
        ExtractedInvoice read() throws XPathExpressionException {
            Node doc = document.getDocumentElement();
            String agreement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/";
            String settlement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/";
            String sum = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
            String terms = text(doc, settlement + "ram:SpecifiedTradePaymentTerms/ram:Description");
            List<Line> lines = new ArrayList<>();
            for (Node item : nodes(doc, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem")) {
                lines.add(new Line(
                        text(item, "ram:AssociatedDocumentLineDocument/ram:LineID"),
                        text(item, "ram:SpecifiedTradeProduct/ram:Name"),
                        amount(item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"),
                        text(item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode"),
                        amount(item, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount"),
                        amount(
                                item,
                                "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation"
                                        + "/ram:LineTotalAmount"),
                        text(item, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"),
                        amount(
                                item,
                                "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent")));
            }
            List<VatGroup> vat = new ArrayList<>();
            for (Node tax : nodes(doc, settlement + "ram:ApplicableTradeTax")) {
                vat.add(new VatGroup(
                        text(tax, "ram:CategoryCode"),
                        amount(tax, "ram:RateApplicablePercent"),
                        amount(tax, "ram:BasisAmount"),
                        amount(tax, "ram:CalculatedAmount")));
            }
            String currency = text(doc, settlement + "ram:InvoiceCurrencyCode");
            Totals totals = new Totals(
                    amount(doc, sum + "ram:LineTotalAmount"),
                    amount(doc, sum + "ram:AllowanceTotalAmount"),
                    amount(doc, sum + "ram:ChargeTotalAmount"),
                    amount(doc, sum + "ram:TaxBasisTotalAmount"),
                    // BT-110 in the invoice's currency (a second TaxTotalAmount may give it in the VAT currency).
                    amount(doc, sum + "ram:TaxTotalAmount[not(@currencyID) or @currencyID='" + currency + "'][1]"),
                    amount(doc, sum + "ram:GrandTotalAmount"),
                    amount(doc, sum + "ram:TotalPrepaidAmount"),
                    amount(doc, sum + "ram:DuePayableAmount"));
            Skonto skonto = skonto(terms);
            if (skonto == null) {
                // ZUGFeRD's structured form (Extended profile).
                String discount =
                        settlement + "ram:SpecifiedTradePaymentTerms/ram:ApplicableTradePaymentDiscountTerms/";
                BigDecimal days = amount(doc, discount + "ram:BasisPeriodMeasure");
                BigDecimal percent = amount(doc, discount + "ram:CalculationPercent");
                if (days != null && percent != null) {
                    skonto = new Skonto(days.intValue(), percent, amount(doc, discount + "ram:BasisAmount"));
                }
            }
            String means = settlement + "ram:SpecifiedTradeSettlementPaymentMeans/";
            return new ExtractedInvoice(
                    CII,
                    text(doc, "rsm:ExchangedDocument/ram:ID"),
                    text(doc, "rsm:ExchangedDocument/ram:TypeCode"),
                    date(text(doc, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString")),
                    date(text(
                            doc, settlement + "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString")),
                    currency,
                    party(doc, agreement + "ram:SellerTradeParty"),
                    party(doc, agreement + "ram:BuyerTradeParty"),
                    text(doc, agreement + "ram:BuyerReference"),
                    text(doc, agreement + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"),
                    text(doc, agreement + "ram:SpecifiedProcuringProject/ram:ID"),
                    terms,
                    compact(text(doc, means + "ram:PayeePartyCreditorFinancialAccount/ram:IBANID")),
                    text(doc, means + "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID"),
                    skonto,
                    lines,
                    vat,
                    totals);
        }

        private Party party(Node doc, String path) throws XPathExpressionException {
            return new Party(
                    text(doc, path + "/ram:Name"),
                    text(doc, path + "/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"),
                    text(doc, path + "/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']"),
                    text(doc, path + "/ram:PostalTradeAddress/ram:LineOne"),
                    text(doc, path + "/ram:PostalTradeAddress/ram:PostcodeCode"),
                    text(doc, path + "/ram:PostalTradeAddress/ram:CityName"),
                    text(doc, path + "/ram:PostalTradeAddress/ram:CountryID"));
        }

        /** Format 102 (CCYYMMDD), the only one EN 16931 allows in CII. */
        private static LocalDate date(String value) {
            return value == null ? null : LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        }
    }

    /** OASIS UBL 2.1 Invoice and CreditNote (EN 16931-3-2). */
    private static final class Ubl extends Syntax {

        Ubl(Document document) {
            super(document);
        }

        @Override
        ExtractedInvoice read() throws XPathExpressionException {
            Node doc = document.getDocumentElement();
            boolean credit = "CreditNote".equals(doc.getLocalName());
            String terms = text(doc, "cac:PaymentTerms/cbc:Note");
            List<Line> lines = new ArrayList<>();
            for (Node item : nodes(doc, credit ? "cac:CreditNoteLine" : "cac:InvoiceLine")) {
                String quantity = credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity";
                lines.add(new Line(
                        text(item, "cbc:ID"),
                        text(item, "cac:Item/cbc:Name"),
                        amount(item, quantity),
                        text(item, quantity + "/@unitCode"),
                        amount(item, "cac:Price/cbc:PriceAmount"),
                        amount(item, "cbc:LineExtensionAmount"),
                        text(item, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"),
                        amount(item, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent")));
            }
            String currency = text(doc, "cbc:DocumentCurrencyCode");
            List<VatGroup> vat = new ArrayList<>();
            String taxTotal = "cac:TaxTotal[cbc:TaxAmount/@currencyID='" + currency + "'][1]";
            for (Node tax : nodes(doc, taxTotal + "/cac:TaxSubtotal")) {
                vat.add(new VatGroup(
                        text(tax, "cac:TaxCategory/cbc:ID"),
                        amount(tax, "cac:TaxCategory/cbc:Percent"),
                        amount(tax, "cbc:TaxableAmount"),
                        amount(tax, "cbc:TaxAmount")));
            }
            String sum = "cac:LegalMonetaryTotal/";
            Totals totals = new Totals(
                    amount(doc, sum + "cbc:LineExtensionAmount"),
                    amount(doc, sum + "cbc:AllowanceTotalAmount"),
                    amount(doc, sum + "cbc:ChargeTotalAmount"),
                    amount(doc, sum + "cbc:TaxExclusiveAmount"),
                    amount(doc, taxTotal + "/cbc:TaxAmount"),
                    amount(doc, sum + "cbc:TaxInclusiveAmount"),
                    amount(doc, sum + "cbc:PrepaidAmount"),
                    amount(doc, sum + "cbc:PayableAmount"));
            String dueDate = text(doc, credit ? "cac:PaymentMeans/cbc:PaymentDueDate" : "cbc:DueDate");
            return new ExtractedInvoice(
                    UBL,
                    text(doc, "cbc:ID"),
                    text(doc, credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode"),
                    date(text(doc, "cbc:IssueDate")),
                    date(dueDate),
                    currency,
                    party(doc, "cac:AccountingSupplierParty/cac:Party"),
                    party(doc, "cac:AccountingCustomerParty/cac:Party"),
                    text(doc, "cbc:BuyerReference"),
                    text(doc, "cac:OrderReference/cbc:ID"),
                    text(doc, "cac:ProjectReference/cbc:ID"),
                    terms,
                    compact(text(doc, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID")),
                    text(doc, "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"),
                    skonto(terms),
                    lines,
                    vat,
                    totals);
        }

        private Party party(Node doc, String path) throws XPathExpressionException {
            String name = text(doc, path + "/cac:PartyLegalEntity/cbc:RegistrationName");
            return new Party(
                    name != null ? name : text(doc, path + "/cac:PartyName/cbc:Name"),
                    text(doc, path + "/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"),
                    text(doc, path + "/cac:PartyTaxScheme[not(cac:TaxScheme/cbc:ID='VAT')]/cbc:CompanyID"),
                    text(doc, path + "/cac:PostalAddress/cbc:StreetName"),
                    text(doc, path + "/cac:PostalAddress/cbc:PostalZone"),
                    text(doc, path + "/cac:PostalAddress/cbc:CityName"),
                    text(doc, path + "/cac:PostalAddress/cac:Country/cbc:IdentificationCode"));
        }

        private static LocalDate date(String value) {
            return value == null ? null : LocalDate.parse(value);
        }
    }

    private static String compact(String iban) {
        return iban == null ? null : iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}

import { table } from "./dsl.js";

export const masterTables = [
  table(
    "glAccount",
    "no",
    `no:code name:text accountType:option=GlAccountType incomeBalance:option=IncomeBalance directPosting:bool
     blocked:bool genPostingType:option=GeneralPostingType genBusPostingGroup:code>genBusinessPostingGroup
     genProdPostingGroup:code>genProductPostingGroup vatBusPostingGroup:code>vatBusinessPostingGroup
     vatProdPostingGroup:code>vatProductPostingGroup`,
  ),
  table(
    "customer",
    "no",
    `no:code name:text name2:text address:text address2:text city:text postCode:code countryRegionCode:code
     contact:text phoneNo:text eMail:text vatRegistrationNo:text billToCustomerNo:code>customer
     customerPostingGroup:code>customerPostingGroup genBusPostingGroup:code>genBusinessPostingGroup
     vatBusPostingGroup:code>vatBusinessPostingGroup paymentTermsCode:code>paymentTerms paymentMethodCode:code
     creditLimitLcy:amount pricesIncludingVat:bool invoiceDiscCode:code customerPriceGroup:code
     customerDiscGroup:code allowLineDisc:bool!1 blocked:option=CustomerBlocked privacyBlocked:bool
     combineShipments:bool shippingAdvice:option=ShippingAdvice locationCode:code>location
     shipmentMethodCode:code currencyCode:code prepaymentPct:pct applicationMethod:option=ApplicationMethod
     salespersonCode:code`,
  ),
  table(
    "item",
    "no",
    `no:code description:text type:option=ItemType baseUnitOfMeasure:code>unitOfMeasure
     salesUnitOfMeasure:code>unitOfMeasure unitPrice:unitAmount unitCost:unitAmount standardCost:unitAmount
     lastDirectCost:unitAmount costingMethod:option=CostingMethod genProdPostingGroup:code>genProductPostingGroup
     vatProdPostingGroup:code>vatProductPostingGroup inventoryPostingGroup:code>inventoryPostingGroup
     blocked:bool salesBlocked:bool allowInvoiceDisc:bool!1 priceIncludesVat:bool
     assemblyPolicy:option=AssemblyPolicy purchasingCode:code critical:bool leadTimeCalculation:dateFormula
     vendorNo:code`,
  ),
];

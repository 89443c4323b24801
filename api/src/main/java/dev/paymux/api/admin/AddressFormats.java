package dev.paymux.api.admin;

import dev.paymux.core.money.Asset;
import java.util.regex.Pattern;

/** Shape checks for imported receiving addresses (checksums come with the chain watchers). */
final class AddressFormats {

    private static final Pattern TRON = Pattern.compile("T[1-9A-HJ-NP-Za-km-z]{33}");
    private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern BTC = Pattern.compile("(bc1|tb1|bcrt1)[02-9ac-hj-np-z]{8,87}|[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}");

    private AddressFormats() {
    }

    static boolean valid(Asset asset, String address) {
        if (address == null) {
            return false;
        }
        return switch (asset) {
            case USDT_TRC20 -> TRON.matcher(address).matches();
            case USDT_ERC20, ETH -> EVM.matcher(address).matches();
            case BTC -> BTC.matcher(address).matches();
        };
    }
}

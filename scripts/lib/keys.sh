# Sourced by the scripts that start hosts for a run of their own: every key a host needs (Production refuses to start
# without them), generated afresh and exported, and the simulator arguments that name them.

# generate_keys DIR: the Kit key pair in DIR/kit.pem (KooGallery__KitPrivateKey) and DIR/kit.pub, and every other key.
generate_keys() {
    local dir="$1"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$dir/kit.pem" 2>/dev/null
    openssl pkey -in "$dir/kit.pem" -pubout -out "$dir/kit.pub"
    kit_public_key="$dir/kit.pub"
    export KooGallery__Key="$(openssl rand -hex 16)" KooGallery__AccessKey="$(openssl rand -hex 16)"
    export KooGallery__KitAccessKey="$(openssl rand -hex 16)" KooGallery__KitPrivateKey="$(cat "$dir/kit.pem")"
    export KooGallery__LicenseAccessKey="$(openssl rand -hex 16)" SellerApi__LicenseKey="$(openssl rand -hex 16)"
    export SellerApi__Key="$(openssl rand -hex 16)" SellerApi__UsageKey="$(openssl rand -hex 16)" SellerApi__AdminKey="$(openssl rand -hex 16)"
    export KooGallery__OpenApi__AccessKeyId="AK$(openssl rand -hex 8)" KooGallery__OpenApi__SecretAccessKey="$(openssl rand -hex 16)"
    export SellerApplication__SigningSecret="whsec_$(openssl rand -base64 32)"
    export Licenses__SigningKey="$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null)"
}

# simulator_key_args: simulator_keys holds the simulator's arguments for the marketplace's and the seller API's keys.
simulator_key_args() {
    simulator_keys=(--key "$KooGallery__Key" --access-key "$KooGallery__AccessKey" --kit-access-key "$KooGallery__KitAccessKey"
        --kit-public-key "$kit_public_key" --seller-api-key "$SellerApi__Key" --seller-admin-key "$SellerApi__AdminKey"
        --seller-usage-key "$SellerApi__UsageKey" --license-access-key "$KooGallery__LicenseAccessKey"
        --seller-license-key "$SellerApi__LicenseKey")
}

# simulator_fake_args OPENAPI_PORT SELLER_APP_PORT AUTH_CENTER_PORT: simulator_fakes holds the arguments that have the
# simulator play the open API and the seller's application on those ports, with the AK/SK and signing secret generate_keys
# exported, and use the fake auth center on the third (start_fake_auth_center), logins returning to the seller app's origin.
simulator_fake_args() {
    simulator_fakes=(--openapi-port "$1" --openapi-ak "$KooGallery__OpenApi__AccessKeyId" --openapi-sk "$KooGallery__OpenApi__SecretAccessKey"
        --seller-app-port "$2" --seller-app-secret "$SellerApplication__SigningSecret"
        --auth-center "http://127.0.0.1:$3" --login-return-url "http://127.0.0.1:$2/signed-in")
}
